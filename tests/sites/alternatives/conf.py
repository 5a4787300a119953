"""A page whose sentences are chosen by the values it glued ({when})."""
extensions = ["myst_nb", "executable_lesson.build.alternatives"]
nb_execution_mode = "force"
nb_execution_raise_on_error = True
exclude_patterns = ["_build"]

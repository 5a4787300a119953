"""Two pages that hand claims, figures and files to the build from their notebooks."""
extensions = ["myst_nb", "executable_lesson.build.page_data", "executable_lesson.build.claims_report"]
nb_execution_mode = "force"  # the test switches to "cache" to read the pages from the cache
nb_execution_raise_on_error = True
exclude_patterns = ["_build"]

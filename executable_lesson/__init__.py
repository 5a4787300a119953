"""What any executable lesson needs, as one Sphinx extension and the API its pages' hidden cells
call. It knows nothing of any one lesson: conf.py says where the lesson's files are.

- `build/`: the Sphinx extension (`extensions = [..., "executable_lesson"]`), configured by the
  `lesson_*` config values (build/config.py);
- `kernel/`: what a page's hidden cells call, inside the notebook kernel (no Sphinx there):
  commands run in a learner's scratch copy, claims with margins, figures quoted to their
  precision, published files;
- `support/`: what both sides and the maintainer's tools share (no Sphinx, no kernel).
"""


def setup(app):
    from .build import setup as build_setup  # Sphinx is imported only by a build

    return build_setup(app)

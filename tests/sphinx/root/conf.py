# A small Sphinx project for tests/test_sphinx.py: the extension, a tiny data
# file beside this conf.py, and pages that use every directive and role.
project = "vntimeline test project"
extensions = ["vntimeline.sphinx"]
vntimeline_data = "events.yaml"
exclude_patterns = ["_build"]
html_theme = "basic"

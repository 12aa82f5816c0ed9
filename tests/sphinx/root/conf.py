# A small Sphinx project for the tests in tests/sphinx/: the extension, a tiny data
# file beside this conf.py, and pages that use every directive and role.
project = "vntimeline test project"
extensions = ["vntimeline.sphinx"]
vntimeline_data = "events.yaml"
exclude_patterns = ["_build"]
html_theme = "basic"

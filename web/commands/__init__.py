"""`loa` commands kept out of web/cli.py, each in a module of its own, registered there by `cli.add_command`."""

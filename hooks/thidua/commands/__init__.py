"""Subcommands of the ``thidua`` command line (registered in ``thidua.cli.COMMANDS``)."""

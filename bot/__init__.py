"""rightsbot: vetted rights information for undocumented people in the Netherlands.

The package is layered so that pure logic never depends on a channel:
``content`` (load and validate) -> ``search`` and ``engine`` (pure) -> ``channels``
(terminal, Telegram, web) and the ``api`` package that feeds new snapshots in.
"""

__version__ = "0.1.0"

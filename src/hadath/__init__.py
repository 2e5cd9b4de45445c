"""hadath: political event data from Arabic news."""

__version__ = "0.1.0"

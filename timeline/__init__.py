"""timeline: explore the escalation chain between the United States and
Iran-backed militias in Iraq and Syria, 2019-2024."""

__version__ = "0.1.0"

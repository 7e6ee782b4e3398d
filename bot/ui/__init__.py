"""What a person sees: texts composed from locales, keyboards, callback data.

Shared by handlers and by scheduled jobs, which also message people.
"""

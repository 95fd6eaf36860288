"""Date and number formats for the admin and the site, by language (Django's FORMAT_MODULE_PATH)."""

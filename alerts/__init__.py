"""E-mail alerts about new decisions, consultations and policies, for people without an account."""

"""Importing decisions from a file: reading and checking rows (rows.py), writing them as published pages (writer.py)."""

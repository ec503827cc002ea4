"""Recognising tables: report tables, scored self-evaluation forms, money tables and target tables."""

"""Reading a report as it was written: paragraphs and tables, in document order, with their origins."""

"""`narrator check`: facts from the tables, links from claims to facts, rules, findings, reporters."""

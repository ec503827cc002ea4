"""`narrator mine`: phrase patterns and vocabulary learnt from prior reports."""

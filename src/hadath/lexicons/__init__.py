"""Loading and schema-checking the language data in hadath/data."""

"""Pure rules: no Qt, no SQL, no files."""

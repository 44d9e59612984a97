"""The offline question engine: templates that compute every number, and the verifier."""

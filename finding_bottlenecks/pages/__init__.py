"""One module per page: what its cells measure, the figures its prose quotes, and the claims
that check its sentences."""

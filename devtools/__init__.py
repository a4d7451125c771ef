"""Development helpers that the tests and the bench share (not part of the service): a
free loopback port, a throwaway PostgreSQL cluster, processes' children and memory."""

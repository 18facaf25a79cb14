// Stand-in for the "server-only" marker package under vitest, which runs outside Next's react-server condition.
export {};

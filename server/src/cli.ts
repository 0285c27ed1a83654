#!/usr/bin/env node
// Command-line checker: the same core and rules as the server. (Rules land with the diagnostics issue.)
console.error('project-ideas: the checker is not available yet');
process.exit(2);

/** `npm run test:resilience`: the real server in its own process, killed with SIGKILL under load. */
const base = require('./jest.config');

module.exports = { ...base, roots: ['<rootDir>/tests/resilience'], testTimeout: 180000 };

// Resolution for .dependency-cruiser.cjs: the `@/` alias WXT writes into .wxt/tsconfig.json
// (relative `paths` without a baseUrl, which the cruiser's tsconfig reader does not follow).
const { resolve } = require('node:path');

module.exports = { resolve: { alias: { '@': resolve(__dirname, '..', '..') } } };

// nock patches node:http(s) when it is imported; core binds `request` when it is imported. Loading nock
// first, before any test file, keeps the nock tests independent of the order of their imports.
import "nock";

// Placeholder until the demo lands: says what exists so far.
console.log("demo: the monorepo is scaffolded; generator, core and examples are not built yet. Nothing to run.");

export { buildServiceIr } from "./build.js";
export { type GroupedPackages, groupPackages, type IrPackage, isEnglishTitle, packageTitle } from "./package.js";
export type { ServiceSource, SpecsSource } from "./source.js";
export type * from "./types.js";

export { buildServiceIr } from "./build.js";
export { groupPackages, isEnglishTitle, packageTitle, type GroupedPackages, type IrPackage } from "./package.js";
export type { ServiceSource, SpecsSource } from "./source.js";
export type * from "./types.js";

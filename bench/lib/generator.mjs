export async function runGenerator() {
  return { notes: ["not implemented yet"] };
}

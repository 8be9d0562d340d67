// expect: allowed
export async function loadHelpers() {
  const helpers = await import('./helpers.js');
  return helpers.default;
}

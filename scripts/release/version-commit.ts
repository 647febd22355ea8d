/** Message of the commit `npm run release` makes with the version bumps, changelogs and lockfile of a release. */
export const VERSION_COMMIT_MESSAGE = "Version packages";

/**
 * Cognito pre-token-generation trigger (event version 2): copies the officer's office from
 * the admin-only attribute `custom:office` into the access token as `office`, where
 * shared/auth.ts reads it. Cognito puts custom attributes in ID tokens only, and the API
 * accepts access tokens only. Users without the attribute get their tokens unchanged.
 */
interface PreTokenGenerationV2Event {
  request: { userAttributes: Record<string, string | undefined> };
  response: Record<string, unknown>;
}

export const handler = async (event: PreTokenGenerationV2Event): Promise<PreTokenGenerationV2Event> => {
  const office = event.request.userAttributes['custom:office'];
  if (office) {
    event.response = {
      claimsAndScopeOverrideDetails: { accessTokenGeneration: { claimsToAddOrOverride: { office } } },
    };
  }
  return event;
};

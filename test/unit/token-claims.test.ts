import { describe, expect, it } from 'vitest';
import { handler } from '../../functions/token-claims/handler.ts';

const event = (userAttributes: Record<string, string>) => ({ request: { userAttributes }, response: {} });

describe('the pre-token-generation trigger', () => {
  it("adds the officer's office to the access token as `office`", async () => {
    // Act
    const result = await handler(event({ sub: 'u1', 'custom:office': 'office-7' }));

    // Assess
    expect(result.response).toEqual({
      claimsAndScopeOverrideDetails: {
        accessTokenGeneration: { claimsToAddOrOverride: { office: 'office-7' } },
      },
    });
  });

  it('leaves tokens of users without an office unchanged', async () => {
    const result = await handler(event({ sub: 'u2', email: 'resident@example.org' }));
    expect(result.response).toEqual({});
  });
});

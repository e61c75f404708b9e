import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * cdk-nag's AwsSolutions pack on the whole app: `cdk synth` and the template tests fail on
 * any finding that is not acknowledged here with a reason.
 */
export function checkAwsSolutions(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}

/**
 * Acknowledges one finding (`AwsSolutions-IAM5[Resource::*]` for one of several) on a
 * construct and everything under it. The reason is required and says why the rule does not
 * apply or what replaces it; lines are joined so long reasons read well in code.
 */
export function acknowledge(construct: IConstruct, id: string, reason: string | readonly string[]): void {
  const text = typeof reason === 'string' ? reason : reason.join(' ');
  if (text.trim().length < 20) throw new Error(`Acknowledging ${id} needs a written reason`);
  Validations.of(construct).acknowledge({ id: `AwsSolutions::${id}`, reason: text });
}

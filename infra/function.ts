import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetHashType, DockerImage, Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  Architecture,
  Code,
  Function as LambdaFunction,
  LoggingFormat,
  Runtime,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FunctionName } from '../functions/route-table.ts';
import { TABLE_INDEXES } from '../shared/table.ts';
import { acknowledge } from './nag.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * One runtime for every function: the newest Node.js Lambda offers (cdk-nag's L1). These
 * machines develop on Node 20: the code uses nothing newer than Node 20 offers, and esbuild
 * targets Node 24 (infra/bundle.ts).
 */
export const FUNCTION_RUNTIME = Runtime.NODEJS_24_X;

export type TableAccess = 'RO' | 'RW';

/**
 * Item-level actions only. Scan is left out on purpose: the product lists through Query,
 * and IAM is where that rule is enforced. Transactions need no action of their own; they
 * are authorised per item by these.
 */
const TABLE_ACTIONS: Record<TableAccess, readonly string[]> = {
  RO: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'],
  RW: [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:ConditionCheckItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
  ],
};

/** A file the bundle needs at run time that esbuild cannot see through an import. */
export interface BundledFile {
  /** Relative to the project root, e.g. `node_modules/swagger-ui-dist/swagger-ui.css`. */
  source: string;
  /** Folder inside the bundle, next to `index.mjs`. */
  targetDir: string;
}

export interface ApiFunctionProps {
  /** The folder under `functions/` whose `handler.ts` exports `handler`. */
  name: FunctionName | 'token-claims' | 'audit-sealer';
  environment?: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
  logRetention?: RetentionDays;
  bundledFiles?: readonly BundledFile[];
}

/** The house defaults for every Lambda of the product, so a function is one line of infra. */
export class ApiFunction extends Construct {
  readonly fn: LambdaFunction;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);

    // A log group of our own (not the deprecated logRetention custom resource) so that
    // retention is a plain property and the group is part of the stack.
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
    });

    const files = props.bundledFiles ?? [];

    // A role of our own instead of the managed basic-execution policy, which may write to
    // every log group in the account: this one writes to the function's own group only.
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    this.logGroup.grantWrite(role);

    const entry = fileURLToPath(new URL(`../functions/${props.name}/handler.ts`, import.meta.url));
    this.fn = new LambdaFunction(this, 'Function', {
      code: Code.fromAsset(PROJECT_ROOT, {
        // Hashed after bundling: the bundle is what changes the function, not the sources.
        assetHashType: AssetHashType.OUTPUT,
        bundling: {
          // Never run: local bundling always succeeds or throws, so synth needs no Docker. The
          // command names the entry all the same, since CDK caches assets by these options.
          image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:24'),
          command: ['npx', 'tsx', 'infra/bundle.ts', relative(PROJECT_ROOT, entry), '/asset-output'],
          local: { tryBundle: (outputDir) => bundleLocally(entry, outputDir, files) },
        },
      }),
      handler: 'index.handler',
      runtime: FUNCTION_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      tracing: Tracing.ACTIVE,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...props.environment,
      },
    });

    acknowledge(role, 'AwsSolutions-IAM5[Resource::*]', [
      'X-Ray has no resource-level permissions: active tracing needs xray:PutTraceSegments',
      'and xray:PutTelemetryRecords on "*" (the only statement with a wildcard).',
    ]);
  }

  /**
   * Grants only the item actions `access` needs, on the table and each index by name (not
   * `index/*`), and tells the function which table.
   */
  bindTable(table: ITableV2, access: TableAccess): void {
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: [...TABLE_ACTIONS[access]],
        resources: [
          table.tableArn,
          ...TABLE_INDEXES.map((index) => `${table.tableArn}/index/${index.indexName}`),
        ],
      }),
    );
    if (table.encryptionKey) {
      if (access === 'RW') table.encryptionKey.grantEncryptDecrypt(this.fn);
      else table.encryptionKey.grantDecrypt(this.fn);
    }
    this.fn.addEnvironment('TABLE_NAME', table.tableName);
  }
}

/**
 * Runs infra/bundle.ts (esbuild with the product's plugins; the AWS SDK is bundled, so Lambda
 * runs the version the lock file pins) and copies the files the bundle needs beside it.
 */
function bundleLocally(entry: string, outputDir: string, files: readonly BundledFile[]): boolean {
  const bundler = fileURLToPath(new URL('./bundle.ts', import.meta.url));
  const run = spawnSync(process.execPath, ['--import', 'tsx', bundler, entry, outputDir], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error(`Bundling ${entry} failed (exit ${run.status})`);
  for (const file of files) {
    mkdirSync(join(outputDir, file.targetDir), { recursive: true });
    copyFileSync(join(PROJECT_ROOT, file.source), join(outputDir, file.targetDir, basename(file.source)));
  }
  return true;
}

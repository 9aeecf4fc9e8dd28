import { createHash, randomBytes, timingSafeEqual } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { pipeline } from 'stream/promises';
import type { BucketStore, ServiceResponse } from '../contracts';
import type { AmplifyAppSummary } from '../data-plane';
import type { RawRequest } from '../server/request-router';
import { BodyError } from '../server/body-error';
import { badRequest, notFound } from './amplify-errors';
import { epochSeconds, type AmplifyApps, type AmplifyCall, type AmplifyRoute } from './amplify-api';
import { checkString, optionalBoolean, optionalObject, optionalString, optionalStringMap, pageOf, RULES } from './amplify-input';
import type { Key, WireRecord } from './amplify-store';
import { newFileId, type DeploymentFiles } from './deployment-files';
import { ArchiveRefusedError, unpackSiteArchive } from './site-archive';
import { serveSite, type SiteRule } from './site-server';

/** Deployed branches are served, without authentication as amplifyapp.com sites are, under this path. */
export const SITE_PATH_PREFIX = '/_amplifyapp/';
/** Deployment zips are uploaded here, with the token CreateDeployment gave. */
export const UPLOAD_PATH_PREFIX = '/_amplifyupload/';

const UPLOAD_LIFETIME_MS = 60 * 60 * 1000;
const MAX_ZIP_BYTES = 512 * 1024 * 1024;
const ACTIVE = new Set(['PENDING', 'RUNNING']);

/** A job's upload, kept beside the job and never answered by the API. */
interface DeploymentRecord {
  uploadId: string;
  tokenSha256: string;
  expiresAt: number;
  uploaded: boolean;
}

/** Branches of Amplify apps, their manual deployments (jobs) and the sites those deployments serve. */
export class AmplifyBranches {
  constructor(
    private readonly apps: AmplifyApps,
    private readonly files: DeploymentFiles,
    private readonly endpoint: string,
    private readonly buckets: Pick<BucketStore, 'bucketExists' | 'getObject'>,
  ) {}

  private get store() {
    return this.apps.store;
  }

  routes(): AmplifyRoute[] {
    const branchPath = '/apps/{appId}/branches/{branchName}';
    return [
      { method: 'POST', path: '/apps/{appId}/branches', run: (call) => ({ branch: this.createBranch(call.region, call.params.appId, call.body, call.now) }) },
      { method: 'GET', path: '/apps/{appId}/branches', run: (call) => this.listBranches(call) },
      { method: 'GET', path: branchPath, run: (call) => ({ branch: this.requireBranch(call.region, call.params.appId, call.params.branchName).branch }) },
      { method: 'POST', path: branchPath, run: (call) => ({ branch: this.updateBranch(call) }) },
      { method: 'DELETE', path: branchPath, run: (call) => ({ branch: this.deleteBranch(call.region, call.params.appId, call.params.branchName) }) },
      { method: 'POST', path: `${branchPath}/deployments`, run: (call) => this.createDeployment(call) },
      { method: 'POST', path: `${branchPath}/deployments/start`, run: (call) => ({ jobSummary: this.startDeployment(call) }) },
      { method: 'GET', path: `${branchPath}/jobs`, run: (call) => this.listJobs(call) },
      { method: 'GET', path: `${branchPath}/jobs/{jobId}`, run: (call) => ({ job: this.requireJob(call).job }) },
      { method: 'DELETE', path: `${branchPath}/jobs/{jobId}/stop`, run: (call) => ({ jobSummary: this.stopJob(call) }) },
      // No domain can be associated with a local app: the hosting plugin's status table lists none.
      { method: 'GET', path: '/apps/{appId}/domains', run: (call) => (this.apps.requireApp(call.region, call.params.appId), { domainAssociations: [] }) },
    ];
  }

  /** Every app with its environments and branches, for `status`. */
  summary(): AmplifyAppSummary[] {
    return this.store.apps(undefined).map(({ region, app }) => {
      const appId = String(app.appId);
      return {
        appId,
        name: String(app.name),
        region,
        environments: this.store.list('backend-environment', appId).map((environment) => String(environment.environmentName)),
        branches: this.store.list('branch', appId).map((branch) => ({
          name: String(branch.branchName),
          stage: String(branch.stage),
          url: this.siteUrl(appId, String(branch.displayName)),
          deployed: this.store.get({ kind: 'site', appId, name: String(branch.branchName) }) !== undefined,
        })),
      };
    });
  }

  /** The URL a branch's site is served at on this local cloud. */
  siteUrl(appId: string, displayName: string): string {
    return `${this.endpoint}${SITE_PATH_PREFIX}${appId}/${encodeURIComponent(displayName)}/`;
  }

  createBranch(region: string, appIdValue: string, body: Record<string, unknown>, now: Date): WireRecord {
    const app = this.apps.requireApp(region, appIdValue);
    const appId = String(app.appId);
    const branchName = checkString('branchName', body.branchName, RULES.branchName);
    if (this.store.get({ kind: 'branch', appId, name: branchName }) !== undefined) {
      throw badRequest(`Branch ${branchName} already exists for app ${appId}.`);
    }
    const displayName = optionalString(body, 'displayName', RULES.displayName) ?? branchName.replace(/[^A-Za-z0-9-]/g, '-');
    this.checkDisplayNameFree(appId, displayName, branchName);
    const branch: WireRecord = {
      branchArn: `${String(app.appArn)}/branches/${branchName}`,
      branchName,
      description: '',
      stage: 'NONE',
      displayName,
      enableNotification: false,
      createTime: epochSeconds(now),
      updateTime: epochSeconds(now),
      environmentVariables: {},
      enableAutoBuild: true,
      customDomains: [],
      framework: '',
      activeJobId: '0',
      totalNumberOfJobs: '0',
      enableBasicAuth: false,
      ttl: '5',
      enablePullRequestPreview: false,
      enablePerformanceMode: false,
      enableSkewProtection: false,
      ...readBranchSettings(body),
    };
    branch.customDomains = [this.siteUrl(appId, displayName).replace(/^https?:\/\//, '').replace(/\/$/, '')];
    const tags = optionalStringMap(body, 'tags', RULES.tagKey, RULES.tagValue);
    if (tags !== undefined) branch.tags = tags;
    this.store.put({ kind: 'branch', appId, name: branchName }, region, branch);
    return branch;
  }

  deleteBranch(region: string, appIdValue: string, branchNameValue: string): WireRecord {
    const { appId, branch } = this.requireBranch(region, appIdValue, branchNameValue);
    const branchName = String(branch.branchName);
    this.removeFiles(appId, branchName);
    this.store.deleteBranch(appId, branchName);
    const app = this.store.get({ kind: 'app', appId, name: appId });
    if (app !== undefined && (app.productionBranch as WireRecord | undefined)?.branchName === branchName) {
      const withoutProduction = { ...app };
      delete withoutProduction.productionBranch;
      this.store.put({ kind: 'app', appId, name: appId }, region, withoutProduction);
    }
    return branch;
  }

  /** Removes every file of an app's branches (before the app itself is deleted). */
  removeAppFiles(appId: string): void {
    for (const branch of this.store.list('branch', appId)) this.removeFiles(appId, String(branch.branchName));
  }

  requireBranch(region: string, appIdValue: string, branchNameValue: string | undefined): { appId: string; branch: WireRecord } {
    const app = this.apps.requireApp(region, appIdValue);
    const appId = String(app.appId);
    const branchName = checkString('branchName', branchNameValue, RULES.branchName);
    const branch = this.store.get({ kind: 'branch', appId, name: branchName });
    if (branch === undefined) throw notFound(`Branch ${branchName} not found for app ${appId}.`);
    return { appId, branch };
  }

  private checkDisplayNameFree(appId: string, displayName: string, branchName: string): void {
    if (!/^[A-Za-z0-9-]+$/.test(displayName)) throw badRequest(`displayName '${displayName}' may hold letters, digits and '-' only (it prefixes the branch's domain).`);
    const taken = this.store.list('branch', appId).find((branch) => branch.displayName === displayName && branch.branchName !== branchName);
    if (taken !== undefined) throw badRequest(`displayName '${displayName}' is already used by branch ${String(taken.branchName)}.`);
  }

  private listBranches(call: AmplifyCall): WireRecord {
    const app = this.apps.requireApp(call.region, call.params.appId);
    const { page, nextToken } = pageOf(this.store.list('branch', String(app.appId)), call.request.query, 50);
    return { branches: page, ...(nextToken === undefined ? {} : { nextToken }) };
  }

  private updateBranch(call: AmplifyCall): WireRecord {
    return this.changeBranch(call.region, call.params.appId, call.params.branchName, call.body, call.now);
  }

  /** UpdateBranch: the settings given replace those of the branch. */
  changeBranch(region: string, appIdValue: string, branchNameValue: string, body: Record<string, unknown>, now: Date): WireRecord {
    const { appId, branch } = this.requireBranch(region, appIdValue, branchNameValue);
    const updated: WireRecord = { ...branch, ...readBranchSettings(body), updateTime: epochSeconds(now) };
    const displayName = optionalString(body, 'displayName', RULES.displayName);
    if (displayName !== undefined) {
      this.checkDisplayNameFree(appId, displayName, String(branch.branchName));
      updated.displayName = displayName;
      updated.customDomains = [this.siteUrl(appId, displayName).replace(/^https?:\/\//, '').replace(/\/$/, '')];
    }
    this.store.put({ kind: 'branch', appId, name: String(branch.branchName) }, region, updated);
    return updated;
  }

  private createDeployment(call: AmplifyCall): WireRecord {
    const { appId, branch } = this.requireBranch(call.region, call.params.appId, call.params.branchName);
    if (call.body.fileMap !== undefined && call.body.fileMap !== null) {
      throw badRequest('The local cloud takes a manual deployment as one zip: leave fileMap out and upload the zip to zipUploadUrl.');
    }
    const branchName = String(branch.branchName);
    const job = this.newJob(call.region, appId, branch, call.now);
    const jobId = String((job.summary as WireRecord).jobId);
    const token = randomBytes(32).toString('base64url');
    const deployment: DeploymentRecord = { uploadId: newFileId(), tokenSha256: sha256(token), expiresAt: call.now.getTime() + UPLOAD_LIFETIME_MS, uploaded: false };
    this.store.put({ kind: 'deployment', appId, parent: branchName, name: jobId }, call.region, { ...deployment });
    return { jobId, zipUploadUrl: `${this.endpoint}${UPLOAD_PATH_PREFIX}${deployment.uploadId}?token=${token}`, fileUploadUrls: {} };
  }

  /** A job in PENDING, numbered after the branch's last. */
  private newJob(region: string, appId: string, branch: WireRecord, now: Date, source?: { sourceUrl: string; sourceUrlType: string }): WireRecord {
    const branchName = String(branch.branchName);
    const number = this.store.nextJobNumber(appId, branchName);
    const jobId = String(number);
    const summary: WireRecord = {
      jobArn: `${String(branch.branchArn)}/jobs/${jobId.padStart(10, '0')}`,
      jobId,
      commitId: 'HEAD',
      commitMessage: 'Manual deployment',
      commitTime: epochSeconds(now),
      startTime: epochSeconds(now),
      status: 'PENDING',
      jobType: 'MANUAL',
      ...(source ?? {}),
    };
    const job = { summary, steps: [] };
    this.store.put({ kind: 'job', appId, parent: branchName, name: jobId }, region, job);
    this.store.put({ kind: 'branch', appId, name: branchName }, region, { ...branch, totalNumberOfJobs: String(number) });
    return job;
  }

  private startDeployment(call: AmplifyCall): WireRecord {
    const { appId, branch } = this.requireBranch(call.region, call.params.appId, call.params.branchName);
    const branchName = String(branch.branchName);
    const jobIdValue = optionalString(call.body, 'jobId', RULES.jobId);
    const sourceUrl = optionalString(call.body, 'sourceUrl', RULES.url);
    const sourceUrlType = optionalString(call.body, 'sourceUrlType', { min: 1, max: 20, pattern: /^(ZIP|BUCKET_PREFIX)$/ }) ?? 'ZIP';
    if (sourceUrl !== undefined && sourceUrlType !== 'ZIP') {
      throw badRequest('The local cloud deploys a zip: give sourceUrlType ZIP (or leave it out) with the s3:// URL of a zip file.');
    }
    let job: WireRecord;
    let zip: Buffer;
    if (jobIdValue !== undefined) {
      job = this.requireJob({ ...call, params: { ...call.params, jobId: jobIdValue } }).job;
      const summary = job.summary as WireRecord;
      if (summary.status !== 'PENDING') throw badRequest(`Job ${jobIdValue} is ${String(summary.status)}, not PENDING: create a new deployment.`);
      const deployment = this.store.get({ kind: 'deployment', appId, parent: branchName, name: jobIdValue }) as DeploymentRecord | undefined;
      if (sourceUrl !== undefined) {
        zip = this.readSource(sourceUrl);
      } else if (deployment?.uploaded) {
        zip = fs.readFileSync(this.files.uploadFile(deployment.uploadId));
      } else {
        throw badRequest(`Nothing was uploaded for job ${jobIdValue}: PUT the zip to the zipUploadUrl CreateDeployment returned, or give sourceUrl.`);
      }
    } else {
      if (sourceUrl === undefined) throw badRequest('StartDeployment needs the jobId of a CreateDeployment whose zip was uploaded, or a sourceUrl.');
      zip = this.readSource(sourceUrl);
      job = this.newJob(call.region, appId, branch, call.now, { sourceUrl, sourceUrlType });
    }
    return this.deploy(call.region, appId, branchName, job, zip, call.now);
  }

  /** Unpacks the zip into a new site, switches the branch to it, and records the outcome in the job. */
  private deploy(region: string, appId: string, branchName: string, job: WireRecord, zip: Buffer, now: Date): WireRecord {
    const summary = job.summary as WireRecord;
    const jobId = String(summary.jobId);
    const siteId = newFileId();
    let statusReason: string | undefined;
    try {
      unpackSiteArchive(zip, this.files.stagingDir(siteId));
      this.files.commitSite(siteId);
    } catch (error) {
      this.files.removeSite(siteId);
      if (!(error instanceof ArchiveRefusedError)) throw error;
      statusReason = error.message;
    }
    const status = statusReason === undefined ? 'SUCCEED' : 'FAILED';
    const endTime = epochSeconds(new Date(Math.max(now.getTime(), Date.now())));
    const finished: WireRecord = { ...summary, status, endTime };
    const step: WireRecord = { stepName: 'DEPLOY', startTime: summary.startTime, status, endTime, ...(statusReason === undefined ? {} : { statusReason }) };
    this.store.put({ kind: 'job', appId, parent: branchName, name: jobId }, region, { summary: finished, steps: [step] });
    this.discardUpload(appId, branchName, jobId);
    if (status === 'SUCCEED') {
      const previous = this.store.get({ kind: 'site', appId, name: branchName });
      this.store.put({ kind: 'site', appId, name: branchName }, region, { siteId });
      if (previous !== undefined) this.files.removeSite(String(previous.siteId));
      const branch = this.store.get({ kind: 'branch', appId, name: branchName });
      if (branch !== undefined) {
        this.store.put({ kind: 'branch', appId, name: branchName }, region, { ...branch, activeJobId: jobId, updateTime: endTime });
        if (branch.stage === 'PRODUCTION') this.recordProductionBranch(region, appId, branchName, endTime);
      }
    }
    return finished;
  }

  private recordProductionBranch(region: string, appId: string, branchName: string, lastDeployTime: number): void {
    const app = this.store.get({ kind: 'app', appId, name: appId });
    if (app === undefined) return;
    this.store.put({ kind: 'app', appId, name: appId }, region, { ...app, productionBranch: { lastDeployTime, status: 'SUCCEED', branchName } });
  }

  /** A zip in the local S3: `s3://bucket/key`, or a path-style URL of this local cloud. */
  private readSource(sourceUrl: string): Buffer {
    const { bucket, key } = this.sourceObject(sourceUrl);
    const body = this.buckets.bucketExists(bucket) ? this.buckets.getObject(bucket, key) : undefined;
    if (body === undefined) throw badRequest(`sourceUrl '${sourceUrl}': the object s3://${bucket}/${key} does not exist.`);
    return body;
  }

  private sourceObject(sourceUrl: string): { bucket: string; key: string } {
    const s3Url = /^s3:\/\/([^/]+)\/(.+)$/.exec(sourceUrl);
    if (s3Url !== null) return { bucket: s3Url[1], key: s3Url[2] };
    const refusal = badRequest(`sourceUrl '${sourceUrl}' is not an object of this local cloud's S3: give s3://<bucket>/<key> or ${this.endpoint}/<bucket>/<key>.`);
    let url: URL;
    try {
      url = new URL(sourceUrl);
    } catch {
      throw refusal;
    }
    const slash = url.pathname.indexOf('/', 1);
    if (url.host !== new URL(this.endpoint).host || slash < 0) throw refusal;
    try {
      return { bucket: decodeURIComponent(url.pathname.slice(1, slash)), key: decodeURIComponent(url.pathname.slice(slash + 1)) };
    } catch {
      throw refusal;
    }
  }

  private listJobs(call: AmplifyCall): WireRecord {
    const { appId, branch } = this.requireBranch(call.region, call.params.appId, call.params.branchName);
    // Newest first, as the service lists them.
    const summaries = this.store
      .list('job', appId, String(branch.branchName))
      .map((job) => job.summary as WireRecord)
      .reverse();
    const { page, nextToken } = pageOf(summaries, call.request.query, 50);
    return { jobSummaries: page, ...(nextToken === undefined ? {} : { nextToken }) };
  }

  private requireJob(call: AmplifyCall): { appId: string; branchName: string; job: WireRecord } {
    const { appId, branch } = this.requireBranch(call.region, call.params.appId, call.params.branchName);
    const branchName = String(branch.branchName);
    const jobId = checkString('jobId', call.params.jobId, RULES.jobId);
    const job = this.store.get({ kind: 'job', appId, parent: branchName, name: jobId });
    if (job === undefined) throw notFound(`Job ${jobId} not found for branch ${branchName} of app ${appId}.`);
    return { appId, branchName, job };
  }

  private stopJob(call: AmplifyCall): WireRecord {
    const { appId, branchName, job } = this.requireJob(call);
    const summary = job.summary as WireRecord;
    if (!ACTIVE.has(String(summary.status))) throw badRequest(`Job ${String(summary.jobId)} is ${String(summary.status)}: only a PENDING or RUNNING job can be stopped.`);
    const stopped = { ...summary, status: 'CANCELLED', endTime: epochSeconds(call.now) };
    this.store.put({ kind: 'job', appId, parent: branchName, name: String(summary.jobId) }, call.region, { ...job, summary: stopped });
    this.discardUpload(appId, branchName, String(summary.jobId));
    return stopped;
  }

  private discardUpload(appId: string, branchName: string, jobId: string): void {
    const key = { kind: 'deployment' as const, appId, parent: branchName, name: jobId };
    const deployment = this.store.get(key) as DeploymentRecord | undefined;
    if (deployment === undefined) return;
    this.files.removeUpload(deployment.uploadId);
    this.store.delete(key);
  }

  private removeFiles(appId: string, branchName: string): void {
    const site = this.store.get({ kind: 'site', appId, name: branchName });
    if (site !== undefined) this.files.removeSite(String(site.siteId));
    for (const job of this.store.list('job', appId, branchName)) this.discardUpload(appId, branchName, String((job.summary as WireRecord).jobId));
  }

  /**
   * `PUT /_amplifyupload/<uploadId>?token=...`: the zip of a pending deployment. The token is the proof of the
   * holder (only its SHA-256 is kept), compared in constant time, refused after it expires or once used.
   */
  async receiveUpload(request: RawRequest, now: Date = new Date()): Promise<ServiceResponse> {
    const uploadId = request.path.slice(UPLOAD_PATH_PREFIX.length);
    const token = request.query.get('token') ?? '';
    const found = /^[a-f0-9]{32}$/.test(uploadId) ? this.findDeployment(uploadId) : undefined;
    const denied = (message: string): ServiceResponse => ({ status: 403, headers: { 'Content-Type': 'application/xml' }, body: `<Error><Code>AccessDenied</Code><Message>${message}</Message></Error>` });
    if (found === undefined || !sameHash(found.record.tokenSha256, sha256(token))) return denied('The upload URL is not valid: use the zipUploadUrl CreateDeployment returned.');
    if (now.getTime() > found.record.expiresAt) return denied('The upload URL has expired: create a new deployment.');
    if (found.record.uploaded) return denied('A zip was already uploaded for this deployment: create a new deployment.');
    if (request.method !== 'PUT') return { status: 405, headers: { Allow: 'PUT' }, body: 'Upload the zip with PUT.' };
    const file = this.files.uploadFile(found.record.uploadId);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      await pipeline(request.body.stream(MAX_ZIP_BYTES), fs.createWriteStream(file));
    } catch (error) {
      fs.rmSync(file, { force: true });
      if (error instanceof BodyError) return { status: error.status, headers: { 'Content-Type': 'application/xml' }, body: `<Error><Code>${error.code}</Code><Message>${error.message}</Message></Error>` };
      throw error;
    }
    this.store.put(found.key, found.region, { ...found.record, uploaded: true });
    return { status: 200 };
  }

  private findDeployment(uploadId: string): { key: Key; region: string; record: DeploymentRecord } | undefined {
    const found = this.store.findBy('deployment', 'uploadId', uploadId);
    return found && { ...found, record: found.record as unknown as DeploymentRecord };
  }

  /** `GET /_amplifyapp/<appId>/<displayName>/<path>`: the branch's last successful deployment. */
  serve(method: string, requestPath: string): ServiceResponse {
    const [appId = '', displayNameRaw = '', ...rest] = requestPath.slice(SITE_PATH_PREFIX.length).split('/');
    let displayName: string;
    try {
      displayName = decodeURIComponent(displayNameRaw);
    } catch {
      displayName = '';
    }
    const app = /^d[a-z0-9]+$/.test(appId) ? this.store.get({ kind: 'app', appId, name: appId }) : undefined;
    const branch = app === undefined ? undefined : this.store.list('branch', appId).find((candidate) => candidate.displayName === displayName);
    const site = branch === undefined ? undefined : this.store.get({ kind: 'site', appId, name: String(branch.branchName) });
    if (site === undefined) {
      return { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: method === 'HEAD' ? undefined : 'No deployment is served here: deploy the branch first.' };
    }
    if (rest.length === 0) return { status: 301, headers: { Location: `${requestPath}/` } };
    const rules = ((app?.customRules as SiteRule[] | undefined) ?? []).filter((rule) => typeof rule.source === 'string' && typeof rule.target === 'string');
    return serveSite(this.files.siteDir(String(site.siteId)), rest.join('/'), rules, method);
  }
}

/** The branch settings CreateBranch and UpdateBranch share, only those given. */
function readBranchSettings(body: Record<string, unknown>): WireRecord {
  const settings: WireRecord = {
    description: optionalString(body, 'description', RULES.description),
    stage: optionalString(body, 'stage', RULES.stage),
    framework: optionalString(body, 'framework', RULES.framework),
    enableNotification: optionalBoolean(body, 'enableNotification'),
    enableAutoBuild: optionalBoolean(body, 'enableAutoBuild'),
    enableSkewProtection: optionalBoolean(body, 'enableSkewProtection'),
    environmentVariables: optionalStringMap(body, 'environmentVariables', RULES.envKey, RULES.envValue),
    basicAuthCredentials: optionalString(body, 'basicAuthCredentials', RULES.basicAuthCredentials),
    enableBasicAuth: optionalBoolean(body, 'enableBasicAuth'),
    enablePerformanceMode: optionalBoolean(body, 'enablePerformanceMode'),
    buildSpec: optionalString(body, 'buildSpec', RULES.buildSpec),
    ttl: optionalString(body, 'ttl', RULES.ttl),
    enablePullRequestPreview: optionalBoolean(body, 'enablePullRequestPreview'),
    pullRequestEnvironmentName: optionalString(body, 'pullRequestEnvironmentName', { max: 20 }),
    backendEnvironmentArn: optionalString(body, 'backendEnvironmentArn', RULES.roleArn),
    backend: optionalObject(body, 'backend'),
    computeRoleArn: optionalString(body, 'computeRoleArn', RULES.roleArn),
  };
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}


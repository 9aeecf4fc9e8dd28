import type { ProvisionedResource, ResourceHandler, ResourceRequest } from '../cloudformation/resource-handlers/resource-handler';
import { distributionDomainName } from './distribution-path';
import { readDistributionSettings } from './distribution-settings';
import { newDistributionId, type DistributionStore } from './distribution-store';

/**
 * `AWS::CloudFront::Distribution`: a distribution the local cloud serves at `<endpoint>/_cloudfront/<Id>/`, which
 * its `DomainName` attribute names. `endpoint` is the listener its URL should use (the HTTPS one where there is one).
 */
export function cloudFrontDistributionHandler(distributions: DistributionStore, endpoint: string): ResourceHandler {
  const save = (id: string, request: ResourceRequest): ProvisionedResource => {
    const settings = readDistributionSettings(request.properties.DistributionConfig);
    const domainName = distributionDomainName(endpoint, id);
    distributions.put({ id, domainName, settings, lastModified: new Date().toISOString() });
    return { physicalId: id, attributes: { Id: id, DomainName: domainName } };
  };
  return {
    async create(request) {
      return save(newDistributionId(), request);
    },
    async update(request) {
      return save(request.physicalId, request);
    },
    async delete(request) {
      distributions.delete(request.physicalId);
    },
  };
}

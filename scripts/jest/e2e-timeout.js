// End-to-end tests start servers, build zips and deploy stacks: give each test two minutes. (`testTimeout` is a
// global jest option and cannot be set per project, so the e2e project sets it here.)
jest.setTimeout(120000);

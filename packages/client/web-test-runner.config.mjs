import { porticoWtrConfig } from '@portico/tooling/wtr';

export default porticoWtrConfig({ files: 'test/**/*.browser.test.ts', label: '@portico/client browser tests' });

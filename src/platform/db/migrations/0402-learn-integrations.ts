export { up, down } from '../../../learn/integration-migration.ts';

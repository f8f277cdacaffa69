export { up, down } from '../../../learn/article-migration.ts';

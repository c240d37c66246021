export { default } from './plugin';
export { scalingScaffolderModule } from './scaffolderModule';

export const pluginId = 'scaling';

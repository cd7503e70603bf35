import type { Core } from '@strapi/strapi';
import { loadEnvironment } from '../src/lib/environment';

const allowedTypes = [
  'image/*',
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.*',
  'application/vnd.ms-excel',
  'text/plain',
  'text/csv',
];

// SVG can carry script; executables have no place on a portal.
const deniedTypes = [
  'image/svg+xml',
  'application/vnd.microsoft.portable-executable',
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-executable',
  'application/x-dosexec',
  'application/x-sh',
  'text/x-shellscript',
  'application/x-mach-binary',
  'text/html',
];

const config = (): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      jwtSecret: loadEnvironment().secrets.JWT_SECRET,
      jwtManagement: 'refresh',
      sessions: { httpOnly: true },
    },
  },
  upload: {
    config: {
      sizeLimit: 50 * 1024 * 1024,
      security: { allowedTypes, deniedTypes },
    },
  },
});

export default config;

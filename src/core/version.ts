// The tool's version as printed by --version and written into every report (a test keeps it equal to package.json).
export const VERSION = '0.1.0';

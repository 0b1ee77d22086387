// When Photon's installer made the root filesystem (the image's install time, kernel/image/etc-files.ts).
export const INSTALL_EPOCH = Date.UTC(2025, 4, 30, 8, 12, 41) / 1000;

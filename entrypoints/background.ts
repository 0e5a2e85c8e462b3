export default defineBackground(() => {
  // Listeners are wired in utils/background/wire.ts once the protection core lands.
});

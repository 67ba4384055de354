// For host pages that frame SSPR Doctor: sizes every <iframe data-sspr-doctor> to its
// content. The framed page posts only its height ({ type: 'sspr-doctor:height', height }).
//   <iframe data-sspr-doctor src="https://intranet.example/kb/sspr/" title="SSPR Doctor"
//           style="width:100%;height:900px;border:0"></iframe>
//   <script src="https://intranet.example/kb/sspr/embed.js"></script>
(() => {
  window.addEventListener('message', (e) => {
    const d = e.data;
    if (d?.type !== 'sspr-doctor:height' || typeof d.height !== 'number') return;
    for (const frame of document.querySelectorAll('iframe')) {
      if (!frame.hasAttribute('data-sspr-doctor')) continue;
      if (frame.contentWindow === e.source) frame.style.height = `${Math.min(Math.max(d.height, 200), 20000)}px`;
    }
  });
})();

import { ParticipantPermission, TrackSource } from 'livekit-server-sdk';
import { permissionFor } from '@/lib/video/participant-permissions';

// UpdateParticipant replaces the whole permission: a field the adapter leaves out is reset by LiveKit.
test('every permission field LiveKit knows is sent, whatever is granted', () => {
  const fields = ParticipantPermission.fields.list().map((f) => f.localName);
  for (const publish of ['none', 'camera_microphone', 'camera_microphone_screen'] as const) {
    const sent = permissionFor(publish);
    expect(Object.keys(sent).sort()).toEqual([...fields].sort());
    expect(sent.canSubscribe).toBe(true);
    expect(sent.canPublishData).toBe(true);
  }
});

test('an accepted stage request publishes exactly camera and microphone; back in the audience publishes nothing', () => {
  expect(permissionFor('camera_microphone')).toMatchObject({ canPublish: true, canPublishSources: [TrackSource.CAMERA, TrackSource.MICROPHONE] });
  expect(permissionFor('none')).toMatchObject({ canPublish: false, canPublishSources: [] });
  expect(permissionFor('camera_microphone_screen').canPublishSources).toContain(TrackSource.SCREEN_SHARE);
});

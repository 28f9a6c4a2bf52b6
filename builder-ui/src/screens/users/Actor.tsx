import type { User } from '../../api/types';
import { actorName } from './usersModel';

/** Who did something, by name when the user is known (the email on hover), else as the event recorded it. */
export function Actor({ actor, users }: { actor: string | null | undefined; users: User[] }) {
  const { name, title } = actorName(actor, users);
  return <span class="actor" title={title} data-actor={actor ?? ''}>{name}</span>;
}

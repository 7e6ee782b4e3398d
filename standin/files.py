"""In-memory file storage: uploads from the bot and media "sent" by simulated users."""

from __future__ import annotations

import base64
import itertools
import mimetypes
import os
import struct
from dataclasses import dataclass

__all__ = ["FileStore", "StoredFile", "Upload"]

# Telegram file ids start with a type-specific prefix; imitating it makes ids look familiar.
_ID_PREFIX = {
    "photo": "AgACAgIAAxkBAA",
    "document": "BQACAgIAAxkBAA",
    "video": "BAACAgIAAxkBAA",
    "voice": "AwACAgIAAxkBAA",
    "audio": "CQACAgIAAxkBAA",
    "sticker": "CAACAgIAAxkBAA",
    "animation": "CgACAgIAAxkBAA",
    "video_note": "DQACAgIAAxkBAA",
    "thumbnail": "AAMCAgADGQEAA",
}
_FOLDER = {
    "photo": "photos",
    "document": "documents",
    "video": "videos",
    "voice": "voice",
    "audio": "music",
    "sticker": "stickers",
    "animation": "animations",
    "video_note": "video_notes",
    "thumbnail": "thumbnails",
}
_DEFAULT_EXT = {
    "photo": ".jpg",
    "video": ".mp4",
    "voice": ".oga",
    "audio": ".mp3",
    "sticker": ".webp",
    "animation": ".mp4",
    "video_note": ".mp4",
    "thumbnail": ".jpg",
}


@dataclass(frozen=True, slots=True)
class Upload:
    """A file part of a ``multipart/form-data`` request."""

    name: str
    filename: str | None
    content_type: str | None
    data: bytes

    def __repr__(self) -> str:
        return f"<Upload {self.name!r} filename={self.filename!r} {len(self.data)} bytes>"


@dataclass(frozen=True, slots=True)
class StoredFile:
    """A file known to the stand-in, addressable by ``file_id`` and by ``file_path``."""

    file_id: str
    file_unique_id: str
    kind: str
    data: bytes
    file_path: str
    file_name: str | None = None
    mime_type: str | None = None
    #: set when the bot sent an HTTP URL instead of uploading (``data`` is then empty)
    url: str | None = None

    @property
    def file_size(self) -> int:
        return len(self.data)

    def as_file(self) -> dict[str, object]:
        """The ``File`` object returned by ``getFile``."""
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": self.file_size,
            "file_path": self.file_path,
        }


class FileStore:
    """Files by ``file_id`` and ``file_path``; every operation is a dictionary look-up."""

    def __init__(self) -> None:
        self._by_id: dict[str, StoredFile] = {}
        self._by_path: dict[str, StoredFile] = {}
        self._counter = itertools.count(1)
        self._salt = os.urandom(6)

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, file_id: object) -> bool:
        return file_id in self._by_id

    def add(
        self,
        data: bytes,
        kind: str,
        *,
        file_name: str | None = None,
        mime_type: str | None = None,
        url: str | None = None,
    ) -> StoredFile:
        """Store ``data`` and return its record with freshly generated ids."""
        n = next(self._counter)
        packed = base64.urlsafe_b64encode(struct.pack(">I", n) + self._salt).decode().rstrip("=")
        file_id = f"{_ID_PREFIX.get(kind, 'BQACAgIAAxkBAA')}{packed}"
        file_unique_id = "AQAD" + base64.urlsafe_b64encode(struct.pack(">I", n)).decode().rstrip(
            "="
        )
        if mime_type is None and file_name:
            mime_type = mimetypes.guess_type(file_name)[0]
        ext = os.path.splitext(file_name)[1] if file_name else ""
        if not ext:
            ext = _DEFAULT_EXT.get(kind, "")
            if not ext and mime_type:
                ext = mimetypes.guess_extension(mime_type) or ""
        file_path = f"{_FOLDER.get(kind, 'documents')}/file_{n}{ext}"
        stored = StoredFile(
            file_id=file_id,
            file_unique_id=file_unique_id,
            kind=kind,
            data=data,
            file_path=file_path,
            file_name=file_name,
            mime_type=mime_type,
            url=url,
        )
        self._by_id[file_id] = stored
        self._by_path[file_path] = stored
        return stored

    def get(self, file_id: str) -> StoredFile | None:
        return self._by_id.get(file_id)

    def by_path(self, file_path: str) -> StoredFile | None:
        return self._by_path.get(file_path)

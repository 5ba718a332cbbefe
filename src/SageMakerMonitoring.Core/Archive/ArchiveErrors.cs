using System;
using System.IO;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Archive
{
    /// <summary>
    /// The export's own errors for what goes wrong with the archive's location, and the one place that turns the
    /// file system's exceptions into them, so no IOException, UnauthorizedAccessException or PathTooLongException
    /// reaches the user.
    /// </summary>
    public static class ArchiveErrors
    {
        public static MonitoringException InvalidPath(string path, string why) =>
            new MonitoringException("InvalidArchivePath", ErrorKind.InvalidArgument, $"'{Shorten(path)}' cannot be an archive location: {why}.", Shorten(path))
            {
                RecommendedAction = "Give -Path a folder, a UNC share or s3://bucket/prefix (prefix segments without '.', '..' or empty parts).",
            };

        public static MonitoringException NotWritable(string where, Exception? inner) =>
            new MonitoringException("ArchivePathNotWritable", ErrorKind.PermissionDenied,
                $"The archive folder {where} cannot be written to{(inner is null ? "" : ": " + inner.Message)}", where, inner)
            {
                RecommendedAction = "Give the account that runs the export write access to the folder (and its subfolders), or choose another -Path.",
            };

        public static MonitoringException IsFile(string where) =>
            new MonitoringException("ArchivePathIsFile", ErrorKind.InvalidArgument, $"The archive location {where} is a file, not a folder.", where)
            {
                RecommendedAction = "Give -Path a folder (it is created when missing), or move the file away.",
            };

        public static MonitoringException DiskFull(string where, Exception inner) =>
            new MonitoringException("ArchiveDiskFull", ErrorKind.WriteError,
                $"The disk holding {where} is full: {inner.Message.TrimEnd('.')}. The unfinished commit's temporary files were removed; the archive holds what the last finished commit left, and the next run continues from there.", where, inner)
            {
                RecommendedAction = "Free space on that disk (or give the archive another -Path) and run the export again; it continues where it stopped.",
            };

        public static MonitoringException TooLong(string where, Exception? inner) =>
            new MonitoringException("ArchivePathTooLong", ErrorKind.InvalidArgument,
                $"A file of the archive under {where} would have a path longer than the file system allows{(inner is null ? "" : ": " + inner.Message)}", where, inner)
            {
                RecommendedAction = "Use an archive folder with a shorter path.",
            };

        public static MonitoringException WriteFailed(string where, Exception inner) =>
            new MonitoringException("ArchiveWriteFailed", ErrorKind.WriteError, $"Writing the archive at {where} failed: {inner.Message}", where, inner)
            {
                RecommendedAction = "Check the folder or share is reachable and healthy, then run the export again; it continues from its last finished commit.",
            };

        public static MonitoringException CheckpointInvalid(string location, string why, Exception? inner = null) =>
            new MonitoringException("ArchiveCheckpointInvalid", ErrorKind.InvalidData, $"The archive checkpoint {location} cannot be trusted: {why}. Nothing was deleted.", location, inner)
            {
                RecommendedAction = "Restore the checkpoint from a backup, or export to a new folder or prefix.",
            };

        /// <summary>True for a file system exception this class translates.</summary>
        public static bool IsFileSystemFailure(Exception ex) => ex is IOException || ex is UnauthorizedAccessException || ex is System.Security.SecurityException;

        /// <summary>The module's error for a file system exception met while writing the archive at <paramref name="where"/>.</summary>
        public static MonitoringException Translate(Exception ex, string where)
        {
            switch (ex)
            {
                case UnauthorizedAccessException _:
                case System.Security.SecurityException _:
                    return NotWritable(where, ex);
                case PathTooLongException _:
                    return TooLong(where, ex);
                case IOException io when IsDiskFull(io):
                    return DiskFull(where, io);
                case IOException io when IsReadOnlyFileSystem(io):
                    return NotWritable(where, io);
                default:
                    return WriteFailed(where, ex);
            }
        }

        /// <summary>ENOSPC (28) or EDQUOT (122) on Unix; ERROR_DISK_FULL (112) or ERROR_HANDLE_DISK_FULL (39) on Windows.</summary>
        public static bool IsDiskFull(IOException ex)
        {
            var code = ex.HResult & 0xFFFF;
            var windows = (ex.HResult & unchecked((int)0xFFFF0000)) == unchecked((int)0x80070000);
            return windows ? code == 112 || code == 39 : ex.HResult == 28 || ex.HResult == 122;
        }

        /// <summary>EROFS (30) on Unix; ERROR_WRITE_PROTECT (19) on Windows.</summary>
        public static bool IsReadOnlyFileSystem(IOException ex) =>
            ex.HResult == 30 || ex.HResult == unchecked((int)0x80070013);

        private static string Shorten(string path)
        {
            var clean = path.Replace("\0", "\\0");
            return clean.Length > 200 ? clean.Substring(0, 200) + $"… ({path.Length} characters)" : clean;
        }
    }
}
